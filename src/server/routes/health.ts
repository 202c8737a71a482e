import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { HealthSchema } from '../../domain/api';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/health', async (): Promise<z.infer<typeof HealthSchema>> => ({ ok: true }));
}
