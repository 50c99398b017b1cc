import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openJsonFileStore } from '../../../src/server/db/json-file-store.ts';
import { memoryData, openMemoryStore } from '../../../src/server/db/memory-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('JSON files in a data directory', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-contract-'));
  return { open: (options) => openJsonFileStore(dir, options), dispose: () => rm(dir, { recursive: true, force: true }) };
});

describeStoreContract("lowdb's in-memory adapter", async () => {
  const data = memoryData();
  return { open: (options) => openMemoryStore(data, options), dispose: async () => {} };
});
