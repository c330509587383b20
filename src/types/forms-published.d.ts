// Form.setPublished / isPublished exist in Apps Script (forms made through the API after
// 2026-06-30 start unpublished) but are missing from @types/google-apps-script 2.0.13.
// https://developers.google.com/apps-script/reference/forms/form#setpublishedenabled
declare namespace GoogleAppsScript.Forms {
  interface Form {
    setPublished(enabled: boolean): Form;
    isPublished(): boolean;
  }
}
