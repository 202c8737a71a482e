import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, sendApiError } from './api-error';

/**
 * Test-only failures around a request's commit, asked for by a request header (the chaos test's proxy
 * sets it, test/chaos/fault-proxy.ts). Installed only when HEARTH_FAULT_INJECTION=1, which config.ts
 * refuses when NODE_ENV=production. The routes know nothing of it.
 * - before-commit: a 500 before the route's handler runs, so nothing is stored;
 * - after-commit: the handler runs and commits, then the connection is destroyed instead of the answer,
 *   as when the response is lost on its way back to the tablet.
 */
export const FAULT_HEADER = 'x-hearth-fault';
export const INJECTED_FAULTS = ['before-commit', 'after-commit'] as const;
export type InjectedFault = (typeof INJECTED_FAULTS)[number];

export function injectedFaultOf(request: FastifyRequest): InjectedFault | null {
  const value = request.headers[FAULT_HEADER];
  return INJECTED_FAULTS.find((fault) => fault === value) ?? null;
}

export function installFaultInjection(app: FastifyInstance): void {
  app.log.warn(`Fault injection is on (HEARTH_FAULT_INJECTION=1): requests with ${FAULT_HEADER} fail on purpose. For tests only.`);

  // preHandler: after the body is parsed and the session checked, right before the handler.
  app.addHook('preHandler', async (request, reply) => {
    if (injectedFaultOf(request) !== 'before-commit') return;
    return sendApiError(reply, new HttpError(500, 'internal', 'Injected fault: the server failed before its commit.'));
  });

  // onSend runs once the handler has finished, so its transaction has committed (or rolled back).
  app.addHook('onSend', async (request, reply, payload) => {
    if (injectedFaultOf(request) === 'after-commit') reply.raw.destroy();
    return payload;
  });
}
