/** Base64Decode: decodes Base64 (standard or URL-safe) back to UTF-8 text, rejecting malformed input. */
export async function base64Decode(inputs: { base64: string }): Promise<{ text: string }> {
  const compact = String(inputs.base64 ?? '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1 || (compact.includes('=') && compact.length % 4 !== 0)) {
    throw new Error('base64 is not valid Base64: use only A-Z, a-z, 0-9, +, / (or -, _) with at most two "=" of padding');
  }
  const bytes = Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new Error('base64 decodes to binary data, not UTF-8 text');
  }
}
