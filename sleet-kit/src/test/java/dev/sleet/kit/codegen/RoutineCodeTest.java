package dev.sleet.kit.codegen;

import org.junit.jupiter.api.Test;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Routine definitions written as Java text blocks read back as exactly the same text. */
class RoutineCodeTest {

    @Test
    void textBlocksKeepEveryCharacterOfTheDefinition() throws Exception {
        List<String> texts = List.of(
                "CREATE FUNCTION f()\n AS $$ \"\"\" quotes \"\"\"\" and \\ backslash \\u0041 $$\n",
                "trailing spaces   \nand a tab\t\n   \n\tleading tab\nno final break",
                "ends in a quote\"",
                "ends in two quotes\"\"",
                "carriage\r\nreturn and \u0001 control\n",
                "$function$ text block end \"\"\"\n\n\n");
        for (String text : texts) {
            assertThat(compileAndRead(RoutineCode.textBlock(text))).as(RoutineCode.textBlock(text)).isEqualTo(text);
        }
    }

    /** Compiles {@code static final String TEXT = <literal>;} indented as JavaPoet writes it, and reads the value. */
    private static String compileAndRead(String literal) throws Exception {
        String source = "public class T {\n  public static final String TEXT = "
                + literal.replace("\n", "\n      ") + ";\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        var files = new ForwardingJavaFileManager<>(compiler.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///T.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        assertThat(compiler.getTask(null, files, null, null, null, List.of(file)).call()).as(source).isTrue();
        ClassLoader loader = new ClassLoader(RoutineCodeTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name).toByteArray();
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        return (String) loader.loadClass("T").getField("TEXT").get(null);
    }
}
