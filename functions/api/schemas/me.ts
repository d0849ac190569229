import { z } from 'zod';
import { GROUPS } from '../../http/auth';
import { LANGUAGES } from '../../http/language';

export const MeSchema = z
  .object({
    userId: z.string(),
    email: z.string().optional(),
    name: z.string().optional(),
    groups: z.array(z.enum(GROUPS)),
    language: z.enum(LANGUAGES),
  })
  .meta({ id: 'Me' });

export type Me = z.infer<typeof MeSchema>;
