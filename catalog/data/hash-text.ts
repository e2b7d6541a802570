/** HashText: computes the hex digest (SHA-256, SHA-1, MD5 or SHA-512) of a text's UTF-8 bytes. */
import { createHash } from 'node:crypto';

const ALGORITHMS = ['sha256', 'sha1', 'md5', 'sha512'];

export async function hashText(inputs: { text: string; algorithm?: string }): Promise<{ hash: string }> {
  const algorithm = String(inputs.algorithm ?? 'sha256').toLowerCase().replace('-', '');
  if (!ALGORITHMS.includes(algorithm)) throw new Error(`algorithm must be one of ${ALGORITHMS.join(', ')}, got "${inputs.algorithm}"`);
  return { hash: createHash(algorithm).update(String(inputs.text ?? ''), 'utf8').digest('hex') };
}
