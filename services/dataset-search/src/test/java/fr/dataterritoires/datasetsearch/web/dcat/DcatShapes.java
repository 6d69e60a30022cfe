package fr.dataterritoires.datasetsearch.web.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/** The official DCAT-AP 3.0.1 SHACL shapes (dcat-ap-SHACL.ttl with ranges.ttl), read from the real-data folder. */
public final class DcatShapes {

    private static Shapes shapes;

    private DcatShapes() {
    }

    public static synchronized Shapes get() {
        if (shapes == null) {
            Graph graph = RDFDataMgr.loadGraph(RealDataFiles.file("dcat-ap-shacl/3.0.1/dcat-ap-SHACL.ttl").toString());
            RDFDataMgr.read(graph, RealDataFiles.file("dcat-ap-shacl/3.0.1/ranges.ttl").toString());
            shapes = Shapes.parse(withoutDanglingPropertyShapes(graph));
        }
        return shapes;
    }

    public static ValidationReport validate(Model model) {
        return ShaclValidator.get().validate(get(), model.getGraph());
    }

    public static List<ReportEntry> violations(ValidationReport report) {
        return report.getEntries().stream().filter(entry -> entry.severity() == Severity.Violation).toList();
    }

    /** Asserts no violation; warnings and infos are allowed and printed so that a reader sees them. */
    public static void assertConforms(Model model, String what) {
        ValidationReport report = validate(model);
        report.getEntries().stream().filter(entry -> entry.severity() != Severity.Violation)
                .forEach(entry -> System.out.println("[DCAT-AP " + what + " " + entry.severity().level().getLocalName() + "] "
                        + entry.focusNode() + " " + entry.resultPath() + ": " + entry.message()));
        assertThat(violations(report)).as(what + " violations of DCAT-AP 3.0.1").isEmpty();
    }

    /**
     * ranges.ttl 3.0.1 lists five property shapes (of the Relationship, Distribution and Dataset shapes) that it
     * never defines; Jena's parser refuses such references. The references alone are dropped (they constrain
     * nothing), and only these five, so that a release with other holes is noticed.
     */
    private static Graph withoutDanglingPropertyShapes(Graph graph) {
        var property = NodeFactory.createURI("http://www.w3.org/ns/shacl#property");
        var path = NodeFactory.createURI("http://www.w3.org/ns/shacl#path");
        List<Triple> dangling = graph.find(null, property, null)
                .filterDrop(triple -> graph.contains(triple.getObject(), path, null)).toList();
        String release = "https://semiceu.github.io/DCAT-AP/releases/3.0.1#";
        assertThat(dangling).extracting(triple -> triple.getObject().getURI()).containsExactlyInAnyOrder(
                release + "dcat:RelationshipShape/b7aa98e1befa5130659568aa62e7f38575dc17c1",
                release + "dcat:DistributionShape/a07d6e7a0a1790b89a1ce7ff602cbbd9ea835282",
                release + "dcat:DistributionShape/653804840386e33525b3d39d205c174780be414b",
                release + "dcat:DatasetShape/95c69c99a1e3ade043911b51b942f206dea0e68d",
                release + "dcat:DatasetShape/4918ff7a6c1c4b0eea6403dca4b992b87ee1f4ab");
        dangling.forEach(graph::delete);
        return graph;
    }
}
