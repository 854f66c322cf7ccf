import { crc32, deflateSync } from 'node:zlib';
import { Random } from './random';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SIDE = 16;
// A tEXt chunk has 12 bytes of framing plus its "Comment\0" keyword.
const TEXT_OVERHEAD = 12 + 'Comment\0'.length;

/**
 * A real 16×16 RGB PNG whose colours depend on `index`, padded with a tEXt comment to exactly `sizeBytes`
 * (or as small as a PNG can be, if `sizeBytes` is smaller than that). Same index and size, same bytes.
 */
export function mediaBytes(index: number, sizeBytes = 4096): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIDE, 0);
  header.writeUInt32BE(SIDE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, truecolour, deflate, adaptive filters, no interlace
  const head = Buffer.concat([SIGNATURE, chunk('IHDR', header)]);
  const tail = Buffer.concat([chunk('IDAT', deflateSync(pixels(index), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  const label = `Promote media ${index}`;
  const fillerLength = Math.max(label.length, sizeBytes - head.length - tail.length - TEXT_OVERHEAD);
  const comment = Buffer.from(`Comment\0${label.padEnd(fillerLength, ' .')}`, 'latin1');
  return Buffer.concat([head, chunk('tEXt', comment), tail]);
}

function pixels(index: number): Buffer {
  const random = Random.of('png', index);
  const [red, green, blue] = [random.int(0, 255), random.int(0, 255), random.int(0, 255)];
  const row = 1 + SIDE * 3;
  const raw = Buffer.alloc(SIDE * row); // each row starts with filter type 0 (none)
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const at = y * row + 1 + x * 3;
      raw[at] = (red + x * 8) & 0xff;
      raw[at + 1] = (green + y * 8) & 0xff;
      raw[at + 2] = (blue + x * y) & 0xff;
    }
  }
  return raw;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
