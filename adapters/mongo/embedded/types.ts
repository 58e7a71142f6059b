/** A database server the bridge started itself (no MONGODB_URI), and how to stop it. */
export interface EmbeddedMongo {
  uri: string;
  kind: 'ferretdb' | 'mongod';
  /** For the start-up log: which engine runs, e.g. "mongod 8.2.6 (wiredTiger)" or "FerretDB (SQLite)". */
  engine: string;
  /** Where its data is kept on disk (it survives a restart). */
  dataDir: string;
  stop(): Promise<void>;
}
