/** A Word document's text (mammoth's raw text: paragraphs, no formatting). */
export async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value.trim();
}
