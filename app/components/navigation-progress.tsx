import { useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";

import { useT } from "~/i18n";

/**
 * A bar at the top of the page while a navigation or a form submission takes a moment. It waits
 * a little before showing, so fast pages do not flicker; a status message tells screen readers.
 */
export function NavigationProgress() {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!busy) {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), 150);
    return () => clearTimeout(timer);
  }, [busy]);
  const text = navigation.state === "submitting" ? t("Skickar …", "Sending …") : t("Hämtar sidan …", "Loading the page …");
  return (
    <div className="navigation-progress" data-visible={visible ? "true" : "false"} data-testid="navigation-progress">
      <div className="navigation-progress-bar" aria-hidden="true" />
      <p role="status" className="visually-hidden">
        {visible ? text : ""}
      </p>
    </div>
  );
}
