/**
 * The local S3 checks signatures as S3 does (scripts/s3-front.ts): without it
 * anyone on the machine could write into the archive, or edit a presigned
 * upload URL to overwrite a stored log.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let local: TestEmulators;
beforeAll(async () => {
  local = await startEmulatorsForTest();
}, 60_000);
afterAll(() => local?.stop());

const bucket = () => local.names.bucket;
const presignedPut = (key: string, expiresIn = 60) =>
  getSignedUrl(local.s3, new PutObjectCommand({ Bucket: bucket(), Key: key }), { expiresIn });

async function stored(key: string): Promise<string | null> {
  try {
    const answer = await local.s3.send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    return (await answer.Body?.transformToString()) ?? '';
  } catch {
    return null;
  }
}

describe('the local S3 front', () => {
  it('takes SDK-signed requests and valid presigned URLs', async () => {
    await local.s3.send(new PutObjectCommand({ Bucket: bucket(), Key: 'signed/a', Body: 'by the SDK' }));
    expect(await stored('signed/a')).toBe('by the SDK');
    const put = await fetch(await presignedPut('uploads/000000101'), {
      method: 'PUT',
      body: 'by a presigned URL',
    });
    expect(put.status).toBe(200);
    expect(await stored('uploads/000000101')).toBe('by a presigned URL');
  });

  it('refuses an unsigned write with 403 and stores nothing', async () => {
    const key = 'blobs/0000000000000000000000000000000000000000000000000000000000000000.gz';
    const answer = await fetch(`${local.s3Endpoint}/${bucket()}/${key}`, { method: 'PUT', body: 'tampered' });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('<Code>AccessDenied</Code>');
    expect(await stored(key)).toBeNull();
  });

  it('refuses a presigned URL edited to name another key', async () => {
    const url = (await presignedPut('uploads/000000102')).replace('uploads/000000102', 'uploads/000000103');
    const answer = await fetch(url, { method: 'PUT', body: 'elsewhere' });
    expect(answer.status).toBe(403);
    expect(await stored('uploads/000000103')).toBeNull();
  });

  it('refuses a presigned PUT URL used for another method or with its signature changed', async () => {
    const url = await presignedPut('uploads/000000104');
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(403);
    const forged = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
    );
    expect((await fetch(forged, { method: 'PUT', body: 'x' })).status).toBe(403);
    expect(await stored('uploads/000000104')).toBeNull();
  });

  it('refuses an expired presigned URL', async () => {
    const url = await presignedPut('uploads/000000105', 1);
    await new Promise((done) => setTimeout(done, 2_100));
    const answer = await fetch(url, { method: 'PUT', body: 'late' });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('expired');
    expect(await stored('uploads/000000105')).toBeNull();
  });
});
