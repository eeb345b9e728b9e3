// The readable line every troubleshoot tool adds after its JSON.
import type { JobView } from '../../jobs/troubleshoot/job-view.js';

export function describeJob(view: JobView): string {
  switch (view.status) {
    case 'completed': {
      const result = view.result;
      if (result === null) return `Job ${view.job_id} completed.`;
      const ticket = result.ticket_id !== null ? ` Opened ticket #${result.ticket_id}.` : result.ticket_recommended ? ' A support ticket is recommended.' : '';
      return `Job ${view.job_id} completed: ${result.diagnosis}${ticket} Next: ${result.recommended_actions.map((a) => a.action).join('; ') || 'nothing'}.`;
    }
    case 'running':
      return `Job ${view.job_id} is running${view.progress ? ` (step ${view.progress.step} of ${view.progress.total}: ${view.progress.message})` : ''}. ${view.next ?? ''}`.trim();
    default:
      return `Job ${view.job_id}: ${view.status}. ${view.reason ?? ''}`.trim();
  }
}
