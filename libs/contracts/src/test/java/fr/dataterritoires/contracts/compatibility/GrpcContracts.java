package fr.dataterritoires.contracts.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.TextFormat;

/**
 * The module's gRPC contracts as descriptor sets: the current one (from the classes protoc generated, one outer
 * {@code *Proto} class per .proto file) and the last released one, kept in {@value #RELEASED} as protobuf text format
 * so that a release shows in review as a readable diff.
 */
final class GrpcContracts {

    static final String RELEASED = "released/grpc-descriptors.txtpb";
    static final Path PROTO_SOURCES = Path.of("src/main/proto");
    private static final Path CLASSES = Path.of("target/classes");

    private GrpcContracts() {
    }

    static FileDescriptorSet current() {
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("fr/dataterritoires/contracts"))) {
            files.filter(p -> p.getFileName().toString().endsWith("Proto.class"))
                    .map(p -> CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(GrpcContracts::descriptor)
                    .map(FileDescriptor::toProto)
                    .sorted(Comparator.comparing(FileDescriptorProto::getName))
                    .forEach(set::addFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set.build();
    }

    /** The .proto files of the module, by the name protoc gives their descriptors (path under src/main/proto). */
    static List<String> protoFiles() {
        try (Stream<Path> files = Files.walk(PROTO_SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".proto"))
                    .map(p -> PROTO_SOURCES.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileDescriptorSet released() {
        try {
            FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
            TextFormat.merge(Files.readString(Path.of(RELEASED), StandardCharsets.UTF_8), set);
            return set.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void release(FileDescriptorSet set) {
        try {
            Files.writeString(Path.of(RELEASED), "# The gRPC contracts as last released (protobuf text format of a FileDescriptorSet).\n"
                    + "# Written by `make contracts-release`; GrpcWireCompatibilityTest refuses changes that break it.\n"
                    + TextFormat.printer().printToString(set), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileDescriptor descriptor(String className) {
        try {
            Method method = Class.forName(className).getMethod("getDescriptor");
            return (FileDescriptor) method.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no descriptor in " + className, e);
        }
    }
}
