/**
 * @module planner/values/attachments
 * Files a message comes with, as the request points at them: "resize this image", "convert the
 * attached screenshot", "a thumbnail of the logo I just attached". Such a file is no value written
 * in the request: the step that takes it asks the conversation, which holds the file (a Slack
 * attachment, a path typed in the terminal). What kind of file it is (an image, a document) decides
 * which inputs it can be for: the attached PDF is no image to convert.
 */
import type { Span, SpanCollector } from './span.ts';

const IMAGES = 'image|images|photo|photos|pic|pics|picture|pictures|screenshot|screenshots|logo|banner|graphic|icon|avatar|headshot|png|jpe?g|gif|webp';
const DOCUMENTS = 'pdf|doc|docx|document|spreadsheet|xlsx|slides|deck';
const FILES = 'file|files|attachment|upload';
const NOUN = `(${IMAGES}|${DOCUMENTS}|${FILES})`;
/** "this image", "these screenshots", "the attached PDF", "my new logo" (this/these point at what comes with the message). */
const POINTED = new RegExp(`\\b(?:this|these|the attached|the uploaded|attached)\\s+(?:(?:new|old|little|big|same)\\s+)?${NOUN}\\b`, 'gi');
/** "the logo I just attached", "the file I uploaded". */
const SENT = new RegExp(`\\b(?:the|my|our)\\s+${NOUN}\\s+(?:i|i've|we|we've)\\s+(?:just\\s+)?(?:attached|uploaded|sent|shared|dropped)\\b`, 'gi');

function mediaOf(noun: string): Span['media'] {
  if (new RegExp(`^(?:${IMAGES})$`, 'i').test(noun)) return 'image';
  if (new RegExp(`^(?:${DOCUMENTS})$`, 'i').test(noun)) return 'document';
  return 'file';
}

export function readAttachments(found: SpanCollector): void {
  for (const pattern of [POINTED, SENT]) {
    for (const m of found.text.matchAll(pattern)) {
      found.add('attachment', m[0], m.index!, m.index! + m[0].length, { media: mediaOf(m[1]!) });
    }
  }
}
