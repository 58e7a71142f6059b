// A MongoDB-wire server for the multi-instance tests: mongo-java-server's in-memory backend gives MongoDB's
// single-document atomicity, which the embedded FerretDB does not (docs/architecture.md). Prints its port, then
// serves until its standard input closes, so it never outlives the test process that started it.
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

public class JavaMongoLauncher {
  public static void main(String[] args) throws Exception {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    System.out.println("listening " + address.getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // drain until the parent closes the pipe
    }
    server.shutdownNow();
  }
}
