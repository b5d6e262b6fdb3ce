import { z } from 'zod';

// zod 4 probes `new Function` to JIT its parsers, which raises CSP violations in extension pages and strict-CSP sites.
z.config({ jitless: true });

export { z };

/** A zod error as one line per problem, each naming the field: "country: Invalid option: expected one of ...". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}
