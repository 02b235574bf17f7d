import { inflateSync } from 'node:zlib';

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Written out because Node's TextDecoder reads
 * 'windows-1252' as Latin-1, which turns ’ – € into control characters.
 */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function winAnsi(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes)
    text += byte >= 0x80 && byte <= 0x9f ? cp1252High[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** The streams of a PDF (inflated when FlateDecode), read through their `/Length`. */
function pdfStreams(pdf: Buffer): Buffer[] {
  const source = pdf.toString('latin1');
  const streams: Buffer[] = [];
  for (const match of source.matchAll(/<<((?:(?!>>)[^])*)>>\s*stream\r?\n/g)) {
    const dictionary = match[1]!;
    const length = /\/Length (\d+)/.exec(dictionary);
    if (!length) throw new Error('a PDF stream without a direct /Length');
    const start = match.index + match[0].length;
    const raw = pdf.subarray(start, start + Number(length[1]));
    if (
      source
        .slice(start + raw.length)
        .trimStart()
        .slice(0, 9) !== 'endstream'
    )
      throw new Error('a PDF stream whose /Length does not end at endstream');
    streams.push(dictionary.includes('/FlateDecode') ? inflateSync(raw) : raw);
  }
  return streams;
}

/**
 * The text a PDF draws, one entry per text-showing operator (`TJ`, `Tj`), in drawing order. It
 * reads what pdfkit writes with the standard fonts (hex strings in WinAnsiEncoding, kerning numbers
 * between them); it is not a general PDF reader, and refuses a file that does not end as a PDF must.
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  const tail = pdf.subarray(-1024).toString('latin1');
  const startXref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-')) || !startXref)
    throw new Error('not a complete PDF file');
  if (pdf.subarray(Number(startXref[1]), Number(startXref[1]) + 4).toString('latin1') !== 'xref')
    throw new Error('the PDF cross-reference offset is wrong');
  const runs: string[] = [];
  const decode = (hexes: string) =>
    [...hexes.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => winAnsi(Buffer.from(hex[1]!, 'hex'))).join('');
  for (const stream of pdfStreams(pdf)) {
    const content = stream.toString('latin1');
    for (const match of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-+\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>)\s*Tj/g))
      runs.push(decode(match[1] ?? match[2]!));
  }
  return runs;
}
