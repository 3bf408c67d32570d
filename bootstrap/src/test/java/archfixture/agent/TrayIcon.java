package archfixture.agent;

/** Stands for the desktop agent, a program of its own beside the server. */
public class TrayIcon {
}
