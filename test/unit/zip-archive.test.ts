/** The ZIP writer, read back by an independent reader (fflate) and checked against the format's fields. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../functions/answers/zip-archive';

describe('a ZIP archive', () => {
  it('reads back byte for byte, text as UTF-8, empty and repetitive files alike', () => {
    const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 251);
    const archive = zipArchive([
      { name: 'word/document.xml', content: '<w:t>Đoàn Minh Định – Huyện uỷ</w:t>'.repeat(500) },
      { name: 'empty.txt', content: '' },
      { name: 'data/bytes.bin', content: binary },
    ]);
    const files = unzipSync(archive);

    expect(Object.keys(files)).toEqual(['word/document.xml', 'empty.txt', 'data/bytes.bin']);
    expect(strFromU8(files['word/document.xml'] ?? new Uint8Array())).toBe(
      '<w:t>Đoàn Minh Định – Huyện uỷ</w:t>'.repeat(500),
    );
    expect(files['empty.txt']).toHaveLength(0);
    expect(files['data/bytes.bin']).toEqual(binary);
    // deflated: repeated text shrinks.
    expect(archive.length).toBeLessThan(binary.length + 2_000);
  });

  it('ends with a directory that counts its files and points at its start', () => {
    const archive = zipArchive([
      { name: 'a.xml', content: '<a/>' },
      { name: 'b.xml', content: '<b/>' },
    ]);
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    const end = archive.length - 22;

    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(2);
    const directoryStart = view.getUint32(end + 16, true);
    expect(view.getUint32(directoryStart, true)).toBe(0x02014b50);
    expect(directoryStart + view.getUint32(end + 12, true)).toBe(end);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
  });

  it('makes the same bytes from the same files', () => {
    const files = [{ name: 'a.txt', content: 'Gia Lộc' }];

    expect(zipArchive(files)).toEqual(zipArchive(files));
  });
});
