/**
 * @module agent/attachments
 * Files that came with the request answer the plan's file questions before anyone is asked.
 */
import type { Catalog, FileJson } from '../catalog/types.ts';
import type { Workflow } from '../workflow/types.ts';
import { checkFile } from './files.ts';
import { answerKey, valueQuestions } from './questions.ts';

export interface Attached {
  /** Answers by `node.input`, as the elicit node would give them. */
  answers: Record<string, unknown>;
  /** The first file question an attached file was refused for, and why (asked with the reason). */
  rejected?: { question: string; error: string };
}

/**
 * Fills the plan's file questions with the attached files, in dependency order: each question takes
 * the first file that fits it (type and size) and that no earlier question took. NOTE: one attached
 * file serves every question it fits: it is what "this" means in "resize this", also when the plan
 * reads it twice (its size, then the resize).
 * @example
 * answerWithAttachments(plan, catalog, [{ name: 'cat.png', mime: 'image/png', base64 }], 20 * 1024 * 1024);
 * // { answers: { 'n1.image': { name: 'cat.png', mime: 'image/png', base64 } } }
 */
export function answerWithAttachments(workflow: Workflow, catalog: Catalog, files: FileJson[], maxBytes: number): Attached {
  const attached: Attached = { answers: {} };
  if (files.length === 0) return attached;
  const taken = new Set<number>();
  for (const question of valueQuestions(workflow, catalog)) {
    if (question.type !== 'file') continue;
    let refusal: string | undefined;
    for (const [i, file] of files.entries()) {
      if (files.length > 1 && taken.has(i)) continue;
      const checked = checkFile(file, question, maxBytes);
      if (checked.ok) {
        attached.answers[answerKey(question.node, question.input)] = checked.file;
        taken.add(i);
        refusal = undefined;
        break;
      }
      refusal ??= `the file that came with the request: ${checked.error}`;
    }
    if (refusal && !attached.rejected) attached.rejected = { question: question.id, error: refusal };
  }
  return attached;
}
