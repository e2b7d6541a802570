/** Base64Encode: encodes a text's UTF-8 bytes as standard Base64. */
export async function base64Encode(inputs: { text: string }): Promise<{ base64: string }> {
  return { base64: Buffer.from(String(inputs.text ?? ''), 'utf8').toString('base64') };
}
