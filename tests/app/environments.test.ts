/**
 * Setup in each of the worlds a municipality may deploy into — a consumer (gmail.com) account, a Google Workspace tenant whose new forms admit
 * only the organisation, and a strict tenant that forbids sharing outside it. Setup finishes in
 * each; citizens can answer both forms wherever Google lets the product open them, and where it
 * does not, the administrator is told in Georgian what to do. Loads the built bundle.
 */
import { environment, type EnvironmentName, type Workspace } from '../../emulator';
import { N1, N2 } from '../../src/domain/forms';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { TABS } from '../../src/domain/schema';
import type { FormDefinition, FormKey } from '../../src/domain/types';
import { formRecord, lastAlert, tabValues } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const SETUP = 'სისტემის მომზადება / განახლება';
const NOT_PUBLIC = 'Google-მა ვერ დაუშვა, რომ ფორმას უპასუხოს ნებისმიერმა';

function world(name: EnvironmentName, changes: Parameters<typeof environment>[1] = {}): Fixture {
  return setUpWorkbook({ environment: environment(name, changes) });
}

function formId(fx: Fixture, key: FormKey): string {
  return formRecord(fx, key).id;
}

/** An answer to every required question of a form, as a citizen would give it. */
function answers(def: FormDefinition): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const item of def.items) {
    if (!item.required) continue;
    if (item.type === 'service') out[item.ka] = DEFAULT_SERVICES[1].ka;
    else if (item.type === 'likert') out[item.ka] = 4;
    else if (item.type === 'paragraph') out[item.ka] = 'კარგი იყო';
    else out[item.ka] = item.choices?.[0] ?? '';
  }
  return out;
}

function errors(ws: Workspace): string[] {
  return ws.core.logs.filter((l) => l.startsWith('[ERROR]'));
}

describe.each(['consumer', 'workspace'] as const)('setup on a %s account', (name) => {
  let fx: Fixture;
  beforeAll(() => {
    fx = world(name);
  });

  it('finishes, in one run, with both forms titled as defined and no error', () => {
    expect(lastAlert(fx)).toContain('სისტემა მზადაა');
    expect(lastAlert(fx)).toContain('N1, N2');
    expect(lastAlert(fx)).not.toContain(NOT_PUBLIC);
    expect(errors(fx.ws)).toEqual([]);
    expect(fx.ws.forms.list().map((f) => f.title)).toEqual([N1.title, N2.title]);
    for (const def of [N1, N2]) expect(fx.ws.forms.snapshot(formId(fx, def.key))).toMatchObject({ title: def.title, requiresLogin: false, published: true });
  });

  it('lets a citizen with no account answer both forms through the link', () => {
    for (const def of [N1, N2]) {
      const id = formId(fx, def.key);
      expect(fx.ws.forms.snapshot(id).responders).toContain('anyone');
      fx.ws.forms.respond(id, answers(def));
      expect(fx.ws.forms.snapshot(id).responseCount).toBe(1);
    }
  });

  it('checks who may respond on every run, granting nothing twice', () => {
    const before = fx.ws.core.callSummary().byMethod;
    fx.click(SETUP);
    const after = fx.ws.core.callSummary().byMethod;
    const delta = (key: string): number => (after[key] ?? 0) - (before[key] ?? 0);
    // One list per form by setup, one more by the self-check at its end; no form granted again (the
    // one create is the self-check sharing the public folder by link again, its probe of the policy).
    expect(delta('Drive.Permissions.list')).toBe(4);
    expect(delta('Drive.Permissions.create')).toBe(1);
    expect(lastAlert(fx)).not.toContain(NOT_PUBLIC);
  });
});

describe('setup on a consumer account', () => {
  it("tries the Workspace-only form settings, logs Google's refusal in English, and carries on", () => {
    const fx = world('consumer');
    const refused = fx.ws.core.logs.filter((l) => /setRequireLogin\(false\) refused|setLimitOneResponsePerUser\(false\) refused/.test(l));
    expect(refused).toHaveLength(4);
    expect(refused[0]).toContain('Workspace');
    // Edit, hourly, daily, and one form-submit trigger on each form.
    expect(fx.ws.core.triggers).toHaveLength(5);
  });
});

describe('setup on a Workspace tenant', () => {
  it('opens each new form to anyone with the link (a new Workspace form admits only the organisation)', () => {
    const fx = world('workspace');
    for (const def of [N1, N2]) {
      const permissions = fx.ws.drive.permissions(formId(fx, def.key)).filter((p) => p.view === 'published');
      expect(permissions.map((p) => p.type).sort()).toEqual(['anyone', 'domain']);
    }
  });
});

describe('setup on a strict Workspace tenant (link sharing forbidden; the Forms override left on, as Google ships it)', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = world('workspace-strict');
  });

  it('still finishes: tabs, both forms, links, triggers, print material', () => {
    expect(lastAlert(fx)).toContain('სისტემა მზადაა');
    expect(errors(fx.ws)).toEqual([]);
    expect(fx.ws.forms.list().map((f) => f.title)).toEqual([N1.title, N2.title]);
    // Edit, hourly, daily, and one form-submit trigger on each form.
    expect(fx.ws.core.triggers).toHaveLength(5);
    expect(fx.ws.docs.list()).toHaveLength(2);
    const links = tabValues(fx, TABS.services.name)
      .slice(1)
      .map((r) => fx.ws.forms.expandShortLink(String(r[3])) ?? '');
    expect(links.every((l) => l.includes('viewform?'))).toBe(true);
  });

  it('opens both forms to anyone with the link, although Drive files cannot be shared so', () => {
    expect(lastAlert(fx)).not.toContain(NOT_PUBLIC);
    for (const key of ['N1', 'N2'] as const) fx.ws.forms.respond(formId(fx, key), answers(key === 'N1' ? N1 : N2));
    expect(fx.ws.forms.snapshot(formId(fx, 'N1')).responseCount).toBe(1);
    expect(fx.ws.forms.snapshot(formId(fx, 'N2')).responseCount).toBe(1);
  });
});

describe('setup where the admin also turned the Forms override off', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = world('workspace-strict', { formsExternalResponses: 'blocked' });
  });

  it('still finishes', () => {
    expect(lastAlert(fx)).toContain('სისტემა მზადაა');
    expect(errors(fx.ws)).toEqual([]);
    expect(fx.ws.forms.list().map((f) => f.title)).toEqual([N1.title, N2.title]);
  });

  it('tells the administrator in Georgian that citizens cannot answer yet, and what to do', () => {
    const message = lastAlert(fx);
    expect(message).toContain(NOT_PUBLIC);
    expect(message).toContain('N1, N2');
    expect(message).toContain('Anyone with the link');
    expect(message).toContain('Admin console');
    for (const def of [N1, N2]) expect(message).toContain(`${def.key}: https://docs.google.com/forms/d/${formId(fx, def.key)}/edit`);
    // and the log says why, in English
    expect(fx.ws.core.logs.some((l) => l.includes('refused to let anyone with the link respond') && l.includes('drive.permissions.create'))).toBe(true);
  });

  it('is right: a citizen without an account is turned away, a colleague in the domain is not', () => {
    const id = formId(fx, 'N1');
    expect(() => fx.ws.forms.respond(id, answers(N1))).toThrow(/^You need permission/);
    fx.ws.forms.respond(id, answers(N1), { respondent: 'clerk@example.ge' });
    expect(fx.ws.forms.snapshot(id).responseCount).toBe(1);
  });

  it('says so again on the next run, until the administrator has opened the forms', () => {
    fx.click(SETUP);
    expect(lastAlert(fx)).toContain(NOT_PUBLIC);
  });
});

describe('forms made before the title was set', () => {
  it('get their title at the next setup run', () => {
    const fx = world('consumer');
    const id = formId(fx, 'N2');
    fx.ws.forms.app.openById(id).setTitle('');
    fx.click(SETUP);
    expect(fx.ws.forms.snapshot(id).title).toBe(N2.title);
    expect(fx.ws.forms.list()).toHaveLength(2);
  });
});

describe('a service name typed twice in the services tab', () => {
  it('is offered once in each form, and both services keep a working N2 link', () => {
    const fx = world('consumer');
    const rows = tabValues(fx, TABS.services.name).length;
    const twice = DEFAULT_SERVICES[2].ka;
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, `A${rows + 1}:C${rows + 1}`, [['large_family_2', ` ${twice}`, true]]);
    fx.click(SETUP);
    expect(lastAlert(fx)).toContain('სისტემა მზადაა');
    for (const key of ['N1', 'N2'] as const) {
      const choices = fx.ws.forms.snapshot(formId(fx, key)).items[0].choices ?? [];
      expect(choices.filter((c) => c === twice)).toHaveLength(1);
      expect(new Set(choices).size).toBe(choices.length);
    }
    const links = new Map(
      tabValues(fx, TABS.services.name)
        .slice(1)
        .map((r) => [String(r[0]), String(r[3])]),
    );
    expect(links.get('large_family_2')).toBe(links.get('large_family'));
    const entry = fx.ws.forms.snapshot(formId(fx, 'N2')).items[0].entryId;
    expect(new URL(fx.ws.forms.expandShortLink(String(links.get('large_family_2')))!).searchParams.get(`entry.${entry}`)).toBe(twice);
  });
});
