import { z } from 'zod';

/**
 * The inputs of one match run: the person and the staff who might support them.
 * Field names follow the scenario format in the README (`npm run match -- scenario.json`).
 * Unknown fields are accepted and dropped ("more are fine"): scenario files come from rostering
 * exports that carry extra columns, and no field here is a server-owned one.
 */
export const DaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Day = z.infer<typeof DaySchema>;

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 08:45');

export const TimeWindowSchema = z
  .object({ day: DaySchema, start: TimeOfDaySchema, end: TimeOfDaySchema })
  // `when`: only compare times that are valid, so "8:45" gets one clear message rather than two.
  .refine((w) => w.start < w.end, { message: 'must end after it starts', path: ['end'], when: (payload) => payload.issues.length === 0 });
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const GeoPointSchema = z
  .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
export type GeoPoint = z.infer<typeof GeoPointSchema>;

const words = (max: number) => z.array(z.string().trim().min(1, 'must not be empty').max(80)).max(max);

export const GenderSchema = z.enum(['woman', 'man', 'non-binary']);

export const MatchPersonSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().max(100).optional(),
    /** Every visit time the person needs covered. */
    visits: z.array(TimeWindowSchema).min(1, 'must list at least one visit time').max(50),
    location: GeoPointSchema,
    /** Qualities of the people they get on with ("calm", "great listener"). */
    wants: words(20).default([]),
    /** Qualities of the people they don't get on with ("lively"). */
    avoids: words(20).default([]),
    interests: words(40).default([]),
    needsSkills: words(20).default([]),
    /** Languages the person needs, as codes or names ("en", "cy", "Welsh"). Any one of them will do. */
    languages: words(10).default([]),
    /** Who the person wants personal care from; null or absent when they have no preference. */
    personalCareBy: z.enum(['woman', 'man']).nullable().optional(),
  });
export type MatchPerson = z.infer<typeof MatchPersonSchema>;

export const MatchStaffSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(100),
    gender: GenderSchema,
    availability: z.array(TimeWindowSchema).max(100),
    location: GeoPointSchema,
    /** How far from their base the carer travels, in km. */
    travelKm: z.number().positive().max(500).optional(),
    /** Carers who don't drive have a smaller default range. */
    drives: z.boolean().optional(),
    qualities: words(20).default([]),
    interests: words(40).default([]),
    skills: words(30).default([]),
    languages: words(10).default([]),
  });
export type MatchStaff = z.infer<typeof MatchStaffSchema>;

export const ScenarioSchema = z
  .object({ person: MatchPersonSchema, staff: z.array(MatchStaffSchema).max(100_000) })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.staff.forEach((member, i) => {
      if (seen.has(member.id)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'id'], message: `"${member.id}" is used twice` });
      seen.add(member.id);
    });
  });
export type Scenario = z.infer<typeof ScenarioSchema>;
