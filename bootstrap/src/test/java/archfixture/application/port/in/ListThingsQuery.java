package archfixture.application.port.in;

/** Breaks: a query that is a class. */
public class ListThingsQuery {
}
