import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers';
import { AppError } from '../http/errors';
import { loadFile, storeFile } from './files.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(64),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

/** A one-entry zip whose entry claims to inflate to `size` bytes of zeros. */
function zipBomb(size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size));
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const store = (bytes: Buffer, originalName: string, maxBytes = 1024 * 1024) =>
  storeFile(t.database.db, {
    bytes,
    originalName,
    ownerOrgId: null,
    uploadedBy: null,
    allowed: ['pdf', 'png', 'jpg', 'docx'],
    maxBytes,
  });

describe('evidence files', () => {
  it('stores a PDF under a server id and keeps the Vietnamese name for display', async () => {
    const f = await store(PDF, 'Quyết định công nhận sáng kiến.pdf');
    expect(f.mime).toBe('application/pdf');
    const back = await loadFile(t.database.db, f.id);
    expect(Buffer.compare(back!.content, PDF)).toBe(0);
    expect(back!.originalName).toBe('Quyết định công nhận sáng kiến.pdf');
  });

  it('decides the type by content: an executable named .pdf and a PNG named .jpg are refused', async () => {
    await expect(store(EXE, 'bao-cao.pdf')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(store(PNG, 'anh.jpg')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect((await store(PNG, 'anh.png')).mime).toBe('image/png');
  });

  it('refuses oversize and empty files, strips path characters from names', async () => {
    await expect(store(PDF, 'a.pdf', 10)).rejects.toBeInstanceOf(AppError);
    await expect(store(Buffer.alloc(0), 'a.pdf')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const f = await store(PDF, '../../../etc/x.pdf');
    expect(f.originalName).not.toContain('/');
  });

  it('rejects a DOCX zip bomb before unpacking it', async () => {
    const bomb = zipBomb(400 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(store(bomb, 'ho-so.docx')).rejects.toBeInstanceOf(AppError);
  });
});
