import * as vscode from 'vscode';
import { loadFeatures } from '../commands/lazyFeatures';
import type { ActivityDeps, ActivityTree } from '../features/activity/tree';
import type { ActivityNode } from '../features/activity/nodes';
import { activityHost } from './activityHost';

/**
 * The Activity view as registered at activation: a thin TreeDataProvider that loads the real one
 * from the feature bundle the first time VS Code asks for rows — which it does only once the view
 * is expanded and visible. Until then nothing is loaded and nothing is requested.
 */
export class ActivityView implements vscode.TreeDataProvider<ActivityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActivityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ActivityNode>;
  private impl: ActivityTree | undefined;

  constructor(private readonly deps: Omit<ActivityDeps, 'fire' | 'setDescription'>) {
    this.view = vscode.window.createTreeView('enclave.activity', { treeDataProvider: this, showCollapseAll: true });
    activityHost().open = () => this.tree();
  }

  /** The implementation, if anything has asked for it yet (tests: the view stays unloaded until shown). */
  get loaded(): ActivityTree | undefined {
    return this.impl;
  }

  tree(): ActivityTree {
    this.impl ??= loadFeatures().createActivityTree({
      ...this.deps,
      fire: (node) => this.changed.fire(node),
      setDescription: (text) => { this.view.description = text; },
    });
    return this.impl;
  }

  getChildren(node?: ActivityNode): Promise<ActivityNode[]> { return this.tree().getChildren(node); }
  getTreeItem(node: ActivityNode): vscode.TreeItem { return this.tree().getTreeItem(node); }
  getParent(node: ActivityNode): ActivityNode | undefined { return this.impl?.getParent(node); }

  dispose(): void {
    activityHost().open = undefined;
    this.impl?.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}
