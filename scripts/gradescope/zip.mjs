// A plain zip (deflate, Unix modes kept) of a folder's files at the archive's root, in Node only:
// the autograder can be built on a machine with Node and nothing else (no zip, no Python).
//   node scripts/gradescope/zip.mjs FOLDER OUT.zip
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const [dir, out] = process.argv.slice(2);
const walk = (d) =>
  readdirSync(d)
    .sort()
    .flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const local = [];
const central = [];
let offset = 0;
for (const file of walk(dir)) {
  const name = Buffer.from(relative(dir, file).split(sep).join('/'));
  const data = readFileSync(file);
  const packed = deflateRawSync(data);
  const mode = statSync(file).mode & 0o777;
  const crc = crc32(data);
  // DOS date 1980-01-01 00:00: the zip is reproducible.
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(0x0800, 6);
  head.writeUInt16LE(8, 8);
  head.writeUInt16LE(0, 10);
  head.writeUInt16LE(0x21, 12);
  head.writeUInt32LE(crc, 14);
  head.writeUInt32LE(packed.length, 18);
  head.writeUInt32LE(data.length, 22);
  head.writeUInt16LE(name.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(0x0314, 4);
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(0x0800, 8);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt16LE(0, 12);
  entry.writeUInt16LE(0x21, 14);
  entry.writeUInt32LE(crc, 16);
  entry.writeUInt32LE(packed.length, 20);
  entry.writeUInt32LE(data.length, 24);
  entry.writeUInt16LE(name.length, 28);
  entry.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38);
  entry.writeUInt32LE(offset, 42);
  local.push(head, name, packed);
  central.push(entry, name);
  offset += head.length + name.length + packed.length;
}
const cd = Buffer.concat(central);
const end = Buffer.alloc(22);
const count = central.length / 2;
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(count, 8);
end.writeUInt16LE(count, 10);
end.writeUInt32LE(cd.length, 12);
end.writeUInt32LE(offset, 16);
writeFileSync(out, Buffer.concat([...local, cd, end]));
