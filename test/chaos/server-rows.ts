import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ServerEventRow } from './verify';

/**
 * Reads the office's events for these devices straight from the PGlite files in DATA_DIR, while the
 * server is stopped (PGlite is one connection: never open while the server has it). Reading the table
 * itself, not an API answer, is what proves the events are stored, and needs no route for tests.
 */
export async function readServerEvents(dataDir: string, deviceIds: readonly string[]): Promise<ServerEventRow[]> {
  const pg = await PGlite.create(path.join(dataDir, 'pglite'));
  try {
    const { rows } = await pg.query<{
      id: string;
      device_id: string;
      type: string;
      payload: unknown;
      content_hash: string;
      received_seq: number;
      copies: number;
      follow_ups: number;
    }>(
      `select e.id::text as id, e.device_id::text as device_id, e.type, e.payload, e.content_hash, e.received_seq::int as received_seq,
              (count(*) over (partition by e.id))::int as copies,
              (select count(*) from follow_ups f where f.event_id = e.id)::int as follow_ups
         from events e
        where e.device_id::text = any($1::text[])`,
      [deviceIds],
    );
    return rows.map((r) => ({
      id: r.id,
      deviceId: r.device_id,
      type: r.type,
      payload: r.payload,
      contentHash: r.content_hash,
      receivedSeq: r.received_seq,
      copies: r.copies,
      followUps: r.follow_ups,
    }));
  } finally {
    await pg.close();
  }
}
