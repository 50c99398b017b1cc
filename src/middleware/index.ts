import { sequence } from 'astro:middleware';
import { loadSession } from './session.ts';
import { securityHeaders } from './security-headers.ts';
import { requestChecks } from './request-checks.ts';

export const onRequest = sequence(securityHeaders, loadSession, requestChecks);
