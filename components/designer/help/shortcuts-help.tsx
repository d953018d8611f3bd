"use client";

import { useTranslations } from "next-intl";
import { SHORTCUTS } from "../canvas/use-shortcuts";
import { useDesignerUi } from "../store/designer-ui-context";

/** The keyboard shortcuts and mouse gestures, opened with "?" or the toolbar's help button. */
export function ShortcutsHelp() {
  const t = useTranslations("designer.help");
  const open = useDesignerUi((state) => state.helpOpen);
  const setOpen = useDesignerUi((state) => state.setHelpOpen);
  if (!open) return null;
  return (
    <div className="help-panel" role="dialog" aria-label={t("title")} data-testid="help-panel">
      <header>
        <h2>{t("title")}</h2>
        <button type="button" className="link" onClick={() => setOpen(false)}>
          {t("close")}
        </button>
      </header>
      <p>{t("intro")}</p>
      <table>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                <kbd>{shortcut.keys}</kbd>
              </td>
              <td>{t(`actions.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
