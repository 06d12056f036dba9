import type { FastifyReply } from 'fastify';
import { safeDownloadName } from '../../documents/download';
import { MIME } from '../../documents/record';

export { MIME };

/** Sends generated or stored bytes as a download with a Vietnamese file name (RFC 6266 / 5987). */
export function sendFile(
  reply: FastifyReply,
  bytes: Buffer,
  fileName: string,
  mime: string,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', safeDownloadName(fileName, disposition).contentDisposition)
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}
