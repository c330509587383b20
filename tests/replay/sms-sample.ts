/**
 * The sample quarter with SMS turned on (issue 17): the built-in sample (replay/sample.ts), with
 * settings.sms and, at the desk, most applicants leaving a mobile number and ticking the consent
 * (some without the tick, a few numbers mistyped); about a third of those who get the SMS answer
 * N2 through its link (channel email_link: the same prefilled link as the mail). Seeded.
 */
import { SAMPLE_SEED, mulberry32, sampleScenario } from '../../replay/sample';
import type { Scenario } from '../../replay/scenario';

export function smsSampleScenario(provider: 'smsoffice' | 'gosms' | 'twilio' = 'twilio', seed = SAMPLE_SEED): Scenario {
  const scenario = sampleScenario(seed);
  const random = mulberry32(seed + 17);
  const chance = (p: number) => random() < p;
  scenario.settings = { ...(scenario.settings ?? {}), sms: { provider, sender: 'Ambrolauri' } };
  const responses = [...scenario.responses];
  for (const c of scenario.cases) {
    if (c.channel !== 'office' || !chance(0.8)) continue;
    const digits = `5${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    // Typed as staff type it; now and then a digit short.
    c.phone = chance(0.05) ? `+995 ${digits.slice(0, 8)}` : `+995 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    c.smsConsent = chance(0.85);
    if (c.smsConsent && typeof c.closedAt === 'string' && chance(0.35)) {
      const closedAt = Date.parse(c.closedAt);
      const answers: Record<string, unknown> = { 'n2.service': c.service, 'n2.overall': 3 + Math.floor(random() * 3) };
      for (const id of ['n2.apply_easy', 'n2.timely', 'n2.staff_helpful', 'n2.need_met']) answers[id] = 2 + Math.floor(random() * 4);
      // The SMS goes in the next daily batch; the answer comes one to four days after the closing.
      responses.push({ form: 'N2', channel: 'email_link', submittedAt: new Date(closedAt + (1 + random() * 3) * 86_400_000).toISOString(), answers });
    }
  }
  return { ...scenario, responses };
}
