package fr.dataterritoires.platform.errors;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers as problems. Tomcat refuses some requests before any servlet sees them — an encoded
 * NUL, "/" or "\" in the path, a path that is not valid UTF-8 — and its default valve answers with an HTML page.
 * Found by the e2e fuzzer (issue 11 §2): every refusal of the suite is {@code application/problem+json}, these too.
 * Answers the application already wrote are left as they are.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer already started: nothing more can be said
        }
    }

    /** No request detail is echoed: the path is what could not be read. */
    static String body(int status) {
        String title = status == 400 ? "Requête invalide" : status >= 500 ? "Erreur interne" : "Requête refusée";
        String detail = status == 400
                ? "La requête est mal formée : adresse, en-tête ou encodage invalide (caractère nul, barre oblique "
                        + "encodée, UTF-8 invalide…)."
                : status >= 500 ? "Une erreur inattendue s'est produite." : "La requête a été refusée.";
        return "{\"type\":\"" + ProblemTypes.forStatus(status) + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
