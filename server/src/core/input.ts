// Turning bytes into text, with a clear refusal for what is not a text document.
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodeText(bytes: Uint8Array): Decoded {
  const sample = bytes.subarray(0, 8000);
  if (sample.includes(0)) return { ok: false, reason: 'binary file (NUL bytes), not a text document' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 (save the file as UTF-8)' };
  }
}
