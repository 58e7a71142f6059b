import { randomBytes } from 'node:crypto';

/** A database name no other test file (or concurrent run) uses. */
export function uniqueDbName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 24)}_${randomBytes(4).toString('hex')}`;
}

export function testMongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: the jest globalSetup should have started a server');
  return uri;
}
