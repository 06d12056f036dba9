import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum in the typings (unusable with isolatedModules): 2 = argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS as never);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('thidua-dummy-password-for-timing');
  return dummyHash;
}

/** Password policy (ASVS 6.2): 8–128 characters, no composition rules, not a common password. */
const COMMON = new Set([
  '12345678',
  '123456789',
  '1234567890',
  'password',
  'password1',
  'matkhau123',
  'qwertyui',
  '11111111',
  '00000000',
  '88888888',
  'abc12345',
  'abcd1234',
  'admin123',
  'iloveyou',
  'demo1234',
]);

export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return 'Mật khẩu phải có ít nhất 8 ký tự.';
  if (password.length > 128) return 'Mật khẩu không được dài quá 128 ký tự.';
  if (COMMON.has(password.toLowerCase())) return 'Mật khẩu quá phổ biến, hãy chọn mật khẩu khác.';
  if (username && password.toLowerCase() === username.toLowerCase())
    return 'Mật khẩu không được trùng tên đăng nhập.';
  return null;
}
