// The troubleshoot job handle as tools accept it: `ts-` and a UUID (what the job service issues).
import * as z from 'zod';

export const jobIdSchema = z
  .string()
  .regex(/^ts-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a job_id as trouble_shoot_device returned it (ts-<uuid>)')
  .describe('The job_id trouble_shoot_device returned');
