import { hash, verify } from '@node-rs/argon2'

// argon2id with the library's defaults (memory 19 MiB, 2 passes), as OWASP recommends.
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Verified against when the email is unknown, so both failures take the same time. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$O0WQdPjNLgTDFDrTk66ncQ$mw8EJVz/utOcG/JPJBLA0IbgykcexUMTk9Ct9jKfmt4'
