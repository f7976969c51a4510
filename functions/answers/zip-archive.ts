/**
 * A ZIP archive (PKWARE APPNOTE 6.3) of a few small files, each deflated by Node's zlib: what a
 * .docx package needs, without a library. No ZIP64, so at most 65,535 files of under 4 GiB each;
 * every file is dated 1980-01-01 (the format's first day), so the same files make the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ArchivedFile {
  /** The path inside the archive, `/`-separated. */
  readonly name: string;
  readonly content: string | Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 2.0: deflate. */
const VERSION = 20;
/** Bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
/** 1980-01-01 00:00 in MS-DOS date and time fields. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
const LIMIT = 0xffff_ffff;

interface Entry {
  readonly name: Uint8Array;
  readonly crc: number;
  readonly size: number;
  readonly deflated: Uint8Array;
  readonly offset: number;
}

/** The fields a file's local header and its central directory record share, from "version needed" on. */
function commonFields(view: DataView, at: number, entry: Entry): void {
  view.setUint16(at, VERSION, true);
  view.setUint16(at + 2, UTF8_NAMES, true);
  view.setUint16(at + 4, DEFLATE, true);
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.deflated.length, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, entry.name.length, true);
}

function localHeader(entry: Entry): Uint8Array {
  const bytes = new Uint8Array(30 + entry.name.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, LOCAL_HEADER, true);
  commonFields(view, 4, entry);
  bytes.set(entry.name, 30);
  return bytes;
}

function centralRecord(entry: Entry): Uint8Array {
  const bytes = new Uint8Array(46 + entry.name.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, CENTRAL_HEADER, true);
  view.setUint16(4, VERSION, true);
  commonFields(view, 6, entry);
  // extra field, comment, disk number, internal and external attributes: all zero.
  view.setUint32(42, entry.offset, true);
  bytes.set(entry.name, 46);
  return bytes;
}

function endOfCentralDirectory(entries: number, size: number, offset: number): Uint8Array {
  const bytes = new Uint8Array(22);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(8, entries, true);
  view.setUint16(10, entries, true);
  view.setUint32(12, size, true);
  view.setUint32(16, offset, true);
  return bytes;
}

/** The archive's bytes, its files in the order given. */
export function zipArchive(files: readonly ArchivedFile[]): Uint8Array {
  if (files.length > 0xffff) throw new RangeError('A ZIP archive without ZIP64 holds at most 65,535 files');
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const file of files) {
    const content = typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
    const entry = {
      name: encoder.encode(file.name),
      crc: crc32(content),
      size: content.length,
      deflated: deflateRawSync(content),
      offset,
    };
    if (entry.size >= LIMIT || offset >= LIMIT) throw new RangeError('A ZIP archive without ZIP64 stays under 4 GiB');
    const header = localHeader(entry);
    chunks.push(header, entry.deflated);
    entries.push(entry);
    offset += header.length + entry.deflated.length;
  }
  const directory = entries.map(centralRecord);
  const directorySize = directory.reduce((sum, record) => sum + record.length, 0);
  chunks.push(...directory, endOfCentralDirectory(entries.length, directorySize, offset));
  return Buffer.concat(chunks);
}
