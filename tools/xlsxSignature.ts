/** Whether a file is an .xlsx at all, from its first bytes: an encrypted or old .xls file is an OLE file. */
import { closeSync, openSync, readSync } from 'node:fs';

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const OLE_MESSAGE = 'is encrypted or in the old .xls format: save it as .xlsx without a password, then try again.';

export function isOleFile(bytes: Buffer): boolean {
  return bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE);
}

/** Why a file's first bytes show it is no .xlsx any reader here can open (an OLE file), or undefined. */
export function unreadableXlsxBytes(file: string): string | undefined {
  const head = Buffer.alloc(OLE_SIGNATURE.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return isOleFile(head) ? OLE_MESSAGE : undefined;
}
