// A real S3 implementation for the probe tests: @20minutes/s3rver (a maintained fork of s3rver
// that verifies SigV4 signatures; s3rver 3.7.1 accepts any v4 signature). Usage:
//   node s3-server.js <directory> <accessKeyId> <secretAccessKey> <bucket>
// Listens on 127.0.0.1 on an ephemeral port and prints "listening <port>" once ready.
'use strict';
const S3rver = require('@20minutes/s3rver');
const AWSAccount = require('@20minutes/s3rver/lib/models/account');

const [directory, accessKeyId, secretAccessKey, bucket] = process.argv.slice(2);
if (!bucket) {
  console.error('usage: s3-server.js <directory> <accessKeyId> <secretAccessKey> <bucket>');
  process.exit(2);
}
AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
const server = new S3rver({
  address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }],
});
server.run().then(({ port }) => console.log(`listening ${port}`), (e) => { console.error(e); process.exit(1); });
