import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from './validationMessage';

describe('describeIssues', () => {
  it('names each failing field by its path, at most five', () => {
    const schema = z.object({ a: z.number(), b: z.object({ c: z.string() }), d: z.number(), e: z.number(), f: z.number(), g: z.number() });
    const error = schema.safeParse({ b: {} }).error!;
    const text = describeIssues(error);
    expect(text.split(' ; ')).toHaveLength(5);
    expect(text.startsWith('« a » : ')).toBe(true);
    expect(text).toContain('« b.c » : ');
    expect(text).not.toContain('« g »');
  });

  it('gives the bare message for an issue at the root', () => {
    expect(describeIssues(z.string().safeParse(3).error!)).not.toContain('«');
  });
});
