/**
 * FormApp: creating and opening forms, and its enums.
 * https://developers.google.com/apps-script/reference/forms/form-app
 */
import { type DrivePermission, gasError } from '../core';
import { DESTINATION_TYPES, FORM_MIME_TYPE, type FormIface, type FormState, ITEM_TYPES, NOT_FOUND_MESSAGE } from './model';
import { FormFake } from './form';
import { ParagraphTextValidationBuilderFake } from './items';
import type { FormsStore } from './store';

export type FormAppMembers = 'create' | 'openById' | 'openByUrl' | 'getActiveForm' | 'createParagraphTextValidation' | 'ItemType' | 'DestinationType';

export class FormAppFake implements Pick<GoogleAppsScript.Forms.FormApp, FormAppMembers> {
  readonly ItemType = ITEM_TYPES;
  readonly DestinationType = DESTINATION_TYPES;

  constructor(private readonly store: FormsStore) {}

  /**
   * A new form collects no email, needs no sign-in and accepts responses. It is created
   * unpublished: forms made through the API after June 30, 2026 must be published before they
   * take responses (setPublished(true)).
   * https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms
   *
   * The name goes to the Drive file; the form's own title (what respondents see at the top) stays
   * empty until setTitle: live Apps Script answers getTitle() with '' right after create(name)
   * (seen on a live run; no Google page states it).
   *
   * Who may respond is a permission on the form's published view: on an account whose new forms
   * admit anyone, anyone with the link; on a Workspace tenant whose forms admit only the
   * organisation, people of the domain ("When a user creates a form through their work or school,
   * only members of that organization can open it unless the creator changes the setting",
   * https://support.google.com/docs/answer/160166), until the owner grants more (Drive API
   * permissions.create with view 'published', https://developers.google.com/workspace/forms/api/guides/publish-form).
   */
  create(title: string): FormIface {
    this.store.charge('create');
    const state = this.build(title);
    const entry = this.store.core.drive.get(state.id);
    if (entry) entry.appUsers = this.store.core.appUsersOfNew(this.store.core.builtinCreateIsApps());
    return new FormFake(this.store, state) as unknown as FormIface;
  }

  /** A new, empty, unpublished form and its Drive file (also what Drive's files.create makes of a form). */
  build(title: string): FormState {
    const core = this.store.core;
    const id = core.newId();
    const state: FormState = {
      id,
      owner: this.store.actingUser(),
      publishedId: this.store.newPublishedId(),
      title: '',
      description: '',
      confirmationMessage: '',
      collectsEmail: false,
      requiresLogin: false,
      limitOneResponsePerUser: false,
      allowResponseEdits: false,
      showLinkToRespondAgain: true,
      progressBar: false,
      acceptingResponses: true,
      published: false,
      destinationId: null,
      destinationSheetName: null,
      items: [],
      responses: [],
    };
    this.store.forms.set(id, state);
    core.drive.set(id, {
      id,
      name: String(title),
      mimeType: FORM_MIME_TYPE,
      parents: [],
      createdAt: core.now(),
      updatedAt: core.now(),
      trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      permissions: [this.initialResponders()],
      kind: 'form',
    });
    return state;
  }
  /** Who a new form admits as respondents in this environment (see create). */
  private initialResponders(): DrivePermission {
    const { formResponders, domain } = this.store.core.environment;
    const id = this.store.core.newId('0');
    if (formResponders === 'domain' && domain) return { id, type: 'domain', domain, role: 'reader', view: 'published' };
    return { id, type: 'anyone', role: 'reader', view: 'published' };
  }

  /**
   * Only the form's owner and its editors may open it (and so read its responses, Google's
   * timestamps included): another account gets the same "not found" as for a missing id. A form's
   * responses are "visible to the form's owner and editors", https://support.google.com/docs/answer/139706
   * ("View & manage form responses"); FormApp opens a form in edit mode, and a respondent is no editor.
   */
  openById(id: string): FormIface {
    this.store.charge('openById');
    return new FormFake(this.store, this.store.editableForm(id)) as unknown as FormIface;
  }
  /**
   * Takes the editor URL (…/forms/d/<id>/edit); the respondent's /d/e/<publishedId>/ URL is not a
   * form id. A URL that is no form's is refused with "Invalid argument: url" (gas-fakes
   * test/testform.js:88–92, live).
   */
  openByUrl(url: string): FormIface {
    this.store.charge('openByUrl');
    const match = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!match) throw gasError('Invalid argument: url');
    if (match[1] === 'e') throw gasError(NOT_FOUND_MESSAGE);
    return new FormFake(this.store, this.store.editableForm(match[1])) as unknown as FormIface;
  }
  /** https://developers.google.com/apps-script/reference/forms/form-app#createParagraphTextValidation() */
  createParagraphTextValidation(): GoogleAppsScript.Forms.ParagraphTextValidationBuilder {
    return new ParagraphTextValidationBuilderFake() as unknown as GoogleAppsScript.Forms.ParagraphTextValidationBuilder;
  }
  /** The project's scripts are standalone or spreadsheet-bound, never bound to a form. */
  getActiveForm(): FormIface {
    this.store.charge('getActiveForm');
    return null as unknown as FormIface;
  }
}
