package io.ankirag.agent.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingWorker;

/**
 * Asks for the server URL, email and password, and tries them (off the event thread) until the server accepts
 * them or the user cancels. The password field is cleared after each try.
 */
public final class LoginDialog {

    public record Credentials(String serverUrl, String email, char[] password) {
    }

    private LoginDialog() {
    }

    /**
     * @param attempt logs in with the credentials and returns {@code null}, or returns what went wrong
     * @return whether a login succeeded
     */
    public static boolean ask(JFrame owner, String serverUrl, String email, Function<Credentials, String> attempt) {
        JDialog dialog = new JDialog(owner, "Log in to AnkiRAG", true);
        JTextField server = new JTextField(serverUrl == null ? "" : serverUrl, 28);
        JTextField account = new JTextField(email == null ? "" : email, 28);
        JPasswordField password = new JPasswordField(28);
        JLabel message = new JLabel(" ");
        message.setForeground(new Color(0xcf, 0x22, 0x2e));
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(12, 14, 4, 14));
        addRow(form, 0, "Server URL", server);
        addRow(form, 1, "Email", account);
        addRow(form, 2, "Password", password);
        GridBagConstraints note = new GridBagConstraints();
        note.gridx = 0;
        note.gridy = 3;
        note.gridwidth = 2;
        note.anchor = GridBagConstraints.WEST;
        form.add(message, note);

        JButton logIn = new JButton("Log in");
        JButton cancel = new JButton("Cancel");
        boolean[] succeeded = {false};
        logIn.addActionListener(e -> {
            logIn.setEnabled(false);
            message.setText("Logging in…");
            Credentials credentials = new Credentials(server.getText().strip(), account.getText().strip(),
                    password.getPassword());
            new SwingWorker<String, Void>() {
                @Override
                protected String doInBackground() {
                    try {
                        return attempt.apply(credentials);
                    } finally {
                        Arrays.fill(credentials.password(), '\0');
                    }
                }

                @Override
                protected void done() {
                    logIn.setEnabled(true);
                    password.setText("");
                    String error;
                    try {
                        error = get();
                    } catch (InterruptedException | ExecutionException failed) {
                        error = String.valueOf(failed.getCause());
                    }
                    if (error == null) {
                        succeeded[0] = true;
                        dialog.dispose();
                    } else {
                        message.setText("<html>" + error.replace("<", "&lt;") + "</html>");
                        dialog.pack();
                    }
                }
            }.execute();
        });
        cancel.addActionListener(e -> dialog.dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 8));
        buttons.add(cancel);
        buttons.add(logIn);
        dialog.getRootPane().setDefaultButton(logIn);
        dialog.getContentPane().add(form, BorderLayout.CENTER);
        dialog.getContentPane().add(buttons, BorderLayout.SOUTH);
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
        // Known server and account (a repeated login): straight to the password.
        JTextField first = server.getText().isBlank() ? server : account.getText().isBlank() ? account : password;
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowOpened(java.awt.event.WindowEvent e) {
                first.requestFocusInWindow();
            }
        });
        dialog.setVisible(true);
        return succeeded[0];
    }

    private static void addRow(JPanel panel, int row, String caption, java.awt.Component field) {
        GridBagConstraints left = new GridBagConstraints();
        left.gridx = 0;
        left.gridy = row;
        left.anchor = GridBagConstraints.WEST;
        left.insets = new Insets(3, 0, 3, 10);
        panel.add(new JLabel(caption), left);
        GridBagConstraints right = (GridBagConstraints) left.clone();
        right.gridx = 1;
        right.fill = GridBagConstraints.HORIZONTAL;
        right.weightx = 1;
        panel.add(field, right);
    }
}
