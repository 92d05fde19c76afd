// The steps of "Enable for…": how long (a duration, or a typed date and time checked as it is
// typed, with how it was read shown under the box), then what happens when access ends. Back
// works between the steps; `start` pre-fills them (Edit Again keeps the earlier answers).
import { runSteps, choiceStep, textStep } from '../../ui/promptsSteps';
import { expiryNote, localText, localZone, validateExpiryText } from './expiryInput';
import { DURATIONS, localInputText, UNTIL, type TimedForm } from './timedForm';

export type TimedKind = 'system' | 'key';

const ACTIONS: Readonly<Record<TimedKind, readonly { label: string; value: string; description: string }[]>> = {
  system: [
    { label: 'Disable at expiry', value: 'Disable', description: 'the system can be enabled again later' },
    { label: 'Revoke at expiry', value: 'Delete', description: 'permanent: the system is removed and has to enrol again' },
  ],
  key: [
    { label: 'Disable at expiry', value: 'Disable', description: 'the key can be enabled again later' },
    { label: 'Delete at expiry', value: 'Delete', description: 'permanent: the key is deleted (its systems stay enrolled)' },
  ],
};

/**
 * The answers, or undefined when cancelled. `refused`: the API's message about the typed time
 * of the last attempt, shown while the box still holds that time.
 */
export async function promptTimed(kind: TimedKind, title: string, start: TimedForm, refused?: string): Promise<TimedForm | undefined> {
  const state: TimedForm = { ...start };
  const sentUntil = start.until;
  const ok = await runSteps(title, state, [
    choiceStep<TimedForm>('duration', {
      placeholder: 'How long should access last?',
      choices: DURATIONS.map((d) => ({
        label: d.label,
        value: d.value,
        description: d.ms !== undefined ? `until ${localText(new Date(Date.now() + d.ms))}` : `in your time zone (${localZone()}) or ISO 8601`,
      })),
    }),
    {
      field: 'until',
      when: (s) => s.duration === UNTIL,
      run: (s, at) => {
        // A sensible start to edit: this time tomorrow, on the minute.
        if (s.until.trim() === '') s.until = localInputText(new Date(Date.now() + 24 * 3_600_000));
        return textStep<TimedForm>('until', {
          prompt: `When access ends: YYYY-MM-DD HH:mm in your local time (${localZone()}), or ISO 8601 such as 2026-12-05T18:00:00Z`,
          placeholder: 'YYYY-MM-DD HH:mm',
          validate: (value) => validateExpiryText(value, new Date()) ?? (refused && value.trim() === sentUntil.trim() ? refused : undefined),
          note: (value) => expiryNote(value, new Date()),
        }).run(s, at);
      },
    },
    choiceStep<TimedForm>('action', { placeholder: 'What happens when access ends?', choices: ACTIONS[kind] }),
  ]);
  return ok ? state : undefined;
}
