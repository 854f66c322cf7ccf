import { createHash } from 'node:crypto';
import { crc32, inflateSync } from 'node:zlib';
import { mediaEntity } from './media-entity';
import { mediaBytes } from './png';

function chunksOf(png: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  return chunks;
}

describe('mediaBytes', () => {
  it('builds a well-formed 16×16 RGB PNG with valid checksums', () => {
    const png = mediaBytes(3);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks = chunksOf(png);
    expect(chunks[0].type).toBe('IHDR');
    expect(chunks.at(-1)).toEqual({ type: 'IEND', data: Buffer.alloc(0) });
    const header = chunks[0].data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([16, 16, 8, 2]);
    const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
    expect(inflateSync(idat)).toHaveLength(16 * (1 + 16 * 3));
  });

  it('has exactly the requested size, or the smallest it can when asked for less', () => {
    expect(mediaBytes(1)).toHaveLength(4096);
    expect(mediaBytes(1, 20_000)).toHaveLength(20_000);
    const smallest = mediaBytes(1, 10);
    expect(smallest.length).toBeLessThan(1024);
    expect(chunksOf(smallest).map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
  });

  it('is deterministic and varies by index', () => {
    expect(mediaBytes(5)).toEqual(mediaBytes(5));
    const hashes = new Set([0, 1, 2, 3, 4, 5].map((i) => createHash('sha256').update(mediaBytes(i, 10)).digest('hex')));
    expect(hashes.size).toBe(6);
  });
});

describe('mediaEntity', () => {
  it("records the sha256 and size of the file's bytes", () => {
    const bytes = mediaBytes(12, 5000);
    expect(mediaEntity(12, 5000)).toEqual({
      type: 'media',
      key: 'photo-12.png',
      data: expect.objectContaining({
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: 5000,
        contentType: 'image/png',
      }),
    });
  });
});
