import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';

/** The reference prose scenarios link to: one playbook per category, plus the reference set. */
const playbooks = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/playbooks' }),
  schema: z.strictObject({
    title: z.string().min(1),
    summary: z.string().min(1),
    kind: z.enum(['category', 'reference']),
    category: z.string().optional(),
    order: z.number().int(),
  }),
});

export const collections = { playbooks };
