// RFC 7807 problem details as the API sends them (reference §6): every problem carries type,
// title, status, detail, instance (https://api.enclave.io/problems/instance/<trace hex>) and traceId.
import type { Errors } from './validation';
import type { Reply } from './http';
import { randomHex } from './ids';

const RFC = 'https://tools.ietf.org/html/rfc9110#section-';
const STATUS_TYPES: Record<number, string> = {
  400: RFC + '15.5.1', 401: RFC + '15.5.2', 403: RFC + '15.5.4', 404: RFC + '15.5.5', 405: RFC + '15.5.6',
  413: RFC + '15.5.14', 415: RFC + '15.5.16', 429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: RFC + '15.6.1', 502: RFC + '15.6.3', 503: RFC + '15.6.4', 504: RFC + '15.6.5',
};
const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'An error occurred while processing your request.', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  traceId: string;
  errors?: Record<string, string[]>;
}

export function problemBody(status: number, detail: string, title = TITLES[status] ?? 'Error', type = STATUS_TYPES[status] ?? 'about:blank'): ProblemBody {
  const trace = randomHex(32);
  return {
    type, title, status, detail,
    instance: `https://api.enclave.io/problems/instance/${trace}`,
    traceId: `00-${trace}-${randomHex(16)}-00`,
  };
}

export function problem(status: number, detail: string, title?: string, type?: string): Reply {
  return { status, problem: true, body: problemBody(status, detail, title, type) };
}

/** ASP.NET's validation problem: field → messages. */
export function validationProblem(errors: Errors): Reply {
  const body = problemBody(400, 'See the errors property for details.', 'One or more validation errors occurred.');
  return { status: 400, problem: true, body: { ...body, errors: errors.toJSON() } };
}

export type EntityKind = 'system' | 'unapproved-system' | 'enrolment-key' | 'organisation';

const ENTITY: Record<EntityKind, [string, string]> = {
  'system': ['System', 'Enclave identity'],
  'unapproved-system': ['Unapproved system', 'Enclave identity'],
  'enrolment-key': ['Enrolment key', 'id'],
  'organisation': ['Organisation', 'id'],
};

/** Unknown item, or one the token may not see: the API answers both the same way. */
export function notFound(kind: EntityKind, id: string | number): Reply {
  const [name, idName] = ENTITY[kind];
  return problem(404,
    `${name} with ${idName} ${id} does not exist, or your access rights do not allow access to it.`,
    `${name} cannot be found`, `https://api.enclave.io/problems/type/${kind}-not-found`);
}
