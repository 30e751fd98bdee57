// The rule pages' script: the theme button.
import { setupTheme } from "./theme.js";

setupTheme();
