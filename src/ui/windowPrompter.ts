import * as vscode from 'vscode';
import { BACK, type Back, type InputOptions, type PickItem, type PickOptions, type Prompter, type SearchOptions } from './prompter';

/**
 * The Prompter of a real window: input boxes and quick picks built with createInputBox /
 * createQuickPick (rather than showInputBox) because multi-step flows need a Back button and
 * async validation that can block Enter while it runs.
 */
export class WindowPrompter implements Prompter {
  input(options: InputOptions): Promise<string | undefined | Back> {
    const box = vscode.window.createInputBox();
    Object.assign(box, {
      title: options.title,
      step: options.step,
      totalSteps: options.totalSteps,
      prompt: options.prompt,
      value: options.value ?? '',
      placeholder: options.placeholder,
      password: options.password ?? false,
      ignoreFocusOut: options.ignoreFocusOut ?? false,
      buttons: options.back ? [vscode.QuickInputButtons.Back] : [],
    });
    // Only the newest validation may set the message: an older, slower one must not overwrite it.
    let latest = 0;
    const validate = async (value: string): Promise<string | undefined> => {
      const mine = ++latest;
      const message = options.validate ? await options.validate(value) : undefined;
      const note = message === undefined ? options.note?.(value) : undefined;
      if (mine === latest) box.validationMessage = note !== undefined ? { message: note, severity: vscode.InputBoxValidationSeverity.Info } : message;
      return message;
    };
    return settle<string | undefined | Back>(box, (finish) => [
      box.onDidChangeValue((value) => void validate(value)),
      box.onDidAccept(async () => {
        box.busy = true;
        const message = await validate(box.value);
        box.busy = false;
        if (message === undefined) finish(box.value);
      }),
      box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK)),
    ], () => void (options.value && validate(options.value)));
  }

  pick<T>(items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>, options: PickOptions): Promise<T | undefined | Back> {
    const pick = this.quickPick(items, options, false);
    return settle<T | undefined | Back>(pick, (finish) => [
      pick.onDidAccept(() => pick.selectedItems[0] && finish(pick.selectedItems[0].item.value)),
      pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK)),
    ]);
  }

  pickMany<T>(items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>, options: PickOptions): Promise<T[] | undefined | Back> {
    const pick = this.quickPick(items, options, true);
    return settle<T[] | undefined | Back>(pick, (finish) => [
      pick.onDidAccept(() => finish(pick.selectedItems.map((i) => i.item.value))),
      pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK)),
    ]);
  }

  /**
   * A quick pick used as a text box with completions: the first row applies the text (or says
   * why it cannot be applied yet); choosing a completion puts it into the box and keeps it open.
   * That row's label is the text itself, so the quick pick's own sorting (best match first, which
   * the stable API cannot turn off) keeps it on top: it matches what was typed exactly.
   */
  search(options: SearchOptions): Promise<string | undefined> {
    const pick = vscode.window.createQuickPick<Item<string> & { readonly apply?: boolean }>();
    Object.assign(pick, { title: options.title, placeholder: options.placeholder, ignoreFocusOut: true, value: options.value ?? '' });
    let problem: string | undefined;
    const update = (text: string): void => {
      problem = options.validate?.(text);
      const typed = text.trim();
      const row = { apply: true, alwaysShow: true, item: { label: '', value: text } } as const;
      const apply = problem
        ? { ...row, label: typed, iconPath: new vscode.ThemeIcon('error'), description: problem }
        : typed
          ? { ...row, label: typed, iconPath: new vscode.ThemeIcon('filter'), description: 'Apply this filter' }
          : { ...row, label: '$(clear-all) Show everything (no filter)' };
      const completions = options.suggest(text).map((item) => ({ label: item.label, description: item.description, detail: item.detail, alwaysShow: true, item }));
      pick.items = [apply, ...completions];
    };
    return settle<string | undefined>(pick, (finish) => [
      pick.onDidChangeValue(update),
      pick.onDidAccept(() => {
        const chosen = pick.activeItems[0];
        if (!chosen || chosen.apply) {
          if (!problem) finish(pick.value);
          return;
        }
        pick.value = chosen.item.value;
        update(pick.value);
      }),
    ], () => update(pick.value));
  }

  async confirm(message: string, options: { readonly detail?: string; readonly confirm: string }): Promise<boolean> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, options.confirm);
    return choice === options.confirm;
  }

  async choose(message: string, options: { readonly detail?: string; readonly choices: readonly string[] }): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, ...options.choices);
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showInformationMessage(message, ...actions);
  }

  async warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, ...actions);
  }

  async error(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showErrorMessage(message, ...actions);
  }

  private quickPick<T>(items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>, options: PickOptions, many: boolean): vscode.QuickPick<Item<T>> {
    const pick = vscode.window.createQuickPick<Item<T>>();
    Object.assign(pick, {
      title: options.title,
      step: options.step,
      totalSteps: options.totalSteps,
      placeholder: options.placeholder,
      ignoreFocusOut: options.ignoreFocusOut ?? false,
      matchOnDescription: options.matchOnDescription ?? false,
      matchOnDetail: options.matchOnDetail ?? false,
      canSelectMany: many,
      buttons: options.back ? [vscode.QuickInputButtons.Back] : [],
      busy: true,
    });
    void Promise.resolve(items).then(
      (list) => {
        const mapped = list.map((item) => ({ label: item.label, description: item.description, detail: item.detail, item }));
        pick.items = mapped;
        if (many) pick.selectedItems = mapped.filter((i) => i.item.picked);
        pick.busy = false;
      },
      () => pick.hide(), // the caller's own promise rejects too and reports the failure
    );
    return pick;
  }
}

interface Item<T> extends vscode.QuickPickItem {
  readonly item: PickItem<T>;
}

/** Shows a quick input and resolves once: with what `listen` finishes with, or undefined on hide. */
function settle<R>(input: vscode.QuickInput, listen: (finish: (value: R) => void) => vscode.Disposable[], onShow?: () => void): Promise<R> {
  return new Promise<R>((resolve) => {
    let done = false;
    const finish = (value: R): void => {
      if (done) return;
      done = true;
      resolve(value);
      for (const d of subscriptions) d.dispose();
      input.dispose();
    };
    const subscriptions = [...listen(finish), input.onDidHide(() => finish(undefined as R))];
    input.show();
    onShow?.();
  });
}
